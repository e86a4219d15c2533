/** Declarative browser scenarios (JSON): loading with file, field and line, running step by step with evidence. */
package cn.xunjian.scenario;
