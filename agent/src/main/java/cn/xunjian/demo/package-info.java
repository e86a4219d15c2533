/** The bundled demo portal with planted problems, served on 127.0.0.1. */
package cn.xunjian.demo;
