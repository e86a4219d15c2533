/** Evidence files of a run: written once, hashed as written, listed in manifest.json and verified later. */
package cn.xunjian.evidence;
