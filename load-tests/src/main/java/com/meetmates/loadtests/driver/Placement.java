package com.meetmates.loadtests.driver;

/** Where the two members of a pair connect when the driver is given several node URLs. */
public enum Placement {
  /** Both members of pair i on target i mod n. */
  SAME_NODE,
  /** Member A on target i mod n, member B on target (i + 1) mod n. */
  CROSS_NODE
}
