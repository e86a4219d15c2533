package cn.xunjian.store.jdbc;

import cn.xunjian.model.Finding;

/** A finding as stored, with the run that reported it. */
public record StoredFinding(StoredRun run, Finding finding) {
}
