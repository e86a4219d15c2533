/** Wording errors and personal data on every crawled page: rule data, Aho-Corasick matching, masking. */
package cn.xunjian.text;
