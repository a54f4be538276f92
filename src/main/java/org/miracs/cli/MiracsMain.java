package org.miracs.cli;
public final class MiracsMain { public static void main(String[] a) {} }
