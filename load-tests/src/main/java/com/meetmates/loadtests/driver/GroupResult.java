package com.meetmates.loadtests.driver;

import org.HdrHistogram.Histogram;

/** What one driver event loop sent, received and measured during the relay phase. */
record GroupResult(Histogram latency, long sent, long received, long receivedInWindow) {
}
