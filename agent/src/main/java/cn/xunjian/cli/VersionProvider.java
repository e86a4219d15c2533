package cn.xunjian.cli;

import cn.xunjian.internal.AgentVersion;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"xunjian " + AgentVersion.get()};
    }
}
