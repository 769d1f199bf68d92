package com.meetmates.signaling.engineio;

/** The only exception the codec throws: the input is not a valid Engine.IO packet or payload. */
final class MalformedPacketException extends RuntimeException {

  MalformedPacketException(String message) {
    super(message, null, false, false);
  }
}
