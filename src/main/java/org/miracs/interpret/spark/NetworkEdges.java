package org.miracs.interpret.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.miracs.interpret.PriorNetwork;

/**
 * A {@link PriorNetwork} as plain edge arrays, so it can travel to the executors in a task closure
 * (PROGENy top-500: 7,000 edges; a CollecTRI export: about 43,000), rebuilt there with
 * {@link #toNetwork()}. {@code label} is the value of the {@code network} column.
 */
public record NetworkEdges(String label, String name, String[] sources, String[] targets, double[] weights)
        implements Serializable {

    public static NetworkEdges of(String label, PriorNetwork network) {
        List<String> s = new ArrayList<>();
        List<String> t = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        for (int i = 0; i < network.sourceCount(); i++) {
            List<String> targets = network.targets(i);
            for (int j = 0; j < targets.size(); j++) {
                s.add(network.source(i));
                t.add(targets.get(j));
                w.add(network.weight(i, j));
            }
        }
        return new NetworkEdges(label, network.name(), s.toArray(new String[0]), t.toArray(new String[0]),
                w.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public PriorNetwork toNetwork() {
        PriorNetwork.Builder b = PriorNetwork.builder(name);
        for (int i = 0; i < sources.length; i++) {
            b.add(sources[i], targets[i], weights[i]);
        }
        return b.build();
    }

    /** The {@code network} column value of a setting: a builtin's name, else the file name. */
    public static String labelOf(String setting) {
        String s = setting.trim();
        if (s.startsWith(PriorNetwork.BUILTIN_PREFIX)) {
            return s.substring(PriorNetwork.BUILTIN_PREFIX.length());
        }
        String name = s.replaceAll(".*[/\\\\]", "");
        return name.isEmpty() ? s : name;
    }
}
