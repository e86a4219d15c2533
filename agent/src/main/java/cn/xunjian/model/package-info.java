/**
 * The shared values every feature speaks in: findings and their identity, severities, evidence references,
 * pages, probe records, check results, verdicts and indicator IDs. The bottom of the dependency graph: it imports
 * nothing of the project's own.
 */
package cn.xunjian.model;
