package com.meetmates.signaling.node;

public final class Main {
  private Main() {
  }

  public static void main(String[] args) {
    System.out.println("signaling node skeleton");
  }
}
