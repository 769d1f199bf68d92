package com.meetmates.signaling.deploy;

/** A node that dies at start-up, as a node with a broken configuration would. */
public final class CrashingNode {
  private static final int EXIT_CODE = 3;

  private CrashingNode() {
  }

  public static void main(String[] args) {
    System.err.println("stand-in crash: configuration rejected");
    System.exit(EXIT_CODE);
  }
}
