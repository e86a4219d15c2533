/**
 * Console accounts: users and their roles (管理员, 检查员, 网站主办单位 with assigned sites), BCrypt password hashes,
 * API tokens and sessions stored only as SHA-256 hashes, login lock-out and throttling, and the append-only audit log.
 */
package cn.xunjian.console.account;
