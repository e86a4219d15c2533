package cn.xunjian.alert;

/**
 * The outcome of sending one event to one channel.
 *
 * @param channel the channel's log name (no tokens)
 * @param delivered whether the receiver accepted the message
 * @param attempts how many POSTs were made
 * @param detail the last status and body excerpt, or the last error
 */
record Delivery(String channel, String type, boolean delivered, int attempts, String detail) {
}
