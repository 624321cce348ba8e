package dev.respite.benchmarks;

import java.util.concurrent.ThreadFactory;

/** Platform or virtual threads for the pool-load case; virtual threads need JDK 21+ at run time. */
enum ThreadKind {
  PLATFORM,
  VIRTUAL;

  /** Whether this JVM can start virtual threads. */
  static boolean virtualAvailable() {
    return Runtime.version().feature() >= 21;
  }

  ThreadFactory factory() {
    if (this == PLATFORM) {
      return runnable -> {
        Thread thread = new Thread(runnable);
        thread.setDaemon(true);
        return thread;
      };
    }
    // The module compiles with --release 17, so the JDK 21 builder is reached by reflection.
    try {
      Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
      return (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("virtual threads need JDK 21 or newer; this is " + Runtime.version(), e);
    }
  }
}
