package dev.respite.kotlin

import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.asCoroutineDispatcher

/**
 * Where [withSession] runs the driver's blocking calls, away from the caller's dispatcher.
 *
 * On a JDK with virtual threads (21+) each dispatch gets a new virtual thread, so thousands of coroutines
 * can wait on Redis (a `BLPOP`, a pool borrow) without holding a platform thread each; on JDK 17 it is
 * [Dispatchers.IO]. The library is compiled for Java 17, so the virtual-thread executor is looked up
 * reflectively, once. `DispatcherTiming` in this module's tests measures both (see the README).
 */
public object RedisDispatchers {

  /** The executor of virtual threads, or null on a JDK without them. Shared and never shut down. */
  private val virtualThreadExecutor: ExecutorService? = try {
    Executors::class.java.getMethod("newVirtualThreadPerTaskExecutor").invoke(null) as ExecutorService
  } catch (e: ReflectiveOperationException) {
    // JDK 17 and 18 have no such method; on 19 and 20 it throws unless previews are enabled.
    null
  }

  /** A dispatcher that runs each task on a new virtual thread, or null on a JDK without virtual threads. */
  public val virtualThreads: CoroutineDispatcher? = virtualThreadExecutor?.asCoroutineDispatcher()

  /** The dispatcher [withSession] uses: [virtualThreads] when the JDK has them, [Dispatchers.IO] otherwise. */
  public val sessions: CoroutineDispatcher = virtualThreads ?: Dispatchers.IO
}
