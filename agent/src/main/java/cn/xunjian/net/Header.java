package cn.xunjian.net;

/** One request header, sent as written. */
record Header(String name, String value) {
    public Header {
        if (name == null || name.isBlank() || value == null) {
            throw new IllegalArgumentException("header needs a name and a value: " + name);
        }
    }
}
