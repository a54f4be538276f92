package org.miracs.report.svg;

/** A rendered chart: a standalone SVG document and its size in pixels. */
public record Chart(String title, String svg, double width, double height) {

    /** The SVG as a file (with an XML declaration). */
    public String asFile() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg + "\n";
    }
}
