/** WeChat web views opened as WeChat would (M-V3, M-D1). */
package cn.xunjian.mobile;
