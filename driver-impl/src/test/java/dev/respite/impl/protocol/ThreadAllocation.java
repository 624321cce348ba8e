package dev.respite.impl.protocol;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated by the current thread, for tests that prove memory stays bounded (a 512 MB header must
 * not cost 512 MB). A bound with a wide margin, not a measurement: speed and allocation rates belong in
 * the benchmarks.
 */
public final class ThreadAllocation {
  private ThreadAllocation() {}

  /** Bytes allocated so far by this thread, or -1 where the JVM cannot tell. */
  public static long allocatedBytes() {
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean) {
      com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      if (threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
      }
    }
    return -1;
  }
}
