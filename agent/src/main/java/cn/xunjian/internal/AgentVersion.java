package cn.xunjian.internal;

/** The agent's version as packaged in the jar manifest ({@code dev} when run from classes). */
public final class AgentVersion {
    private AgentVersion() {
    }

    public static String get() {
        String v = AgentVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
