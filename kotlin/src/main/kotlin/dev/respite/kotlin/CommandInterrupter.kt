package dev.respite.kotlin

import kotlin.coroutines.CoroutineContext
import kotlinx.coroutines.ThreadContextElement

/**
 * Interrupts the threads that run a session's block when its coroutine is cancelled, the way
 * `runInterruptible` does for a block that cannot suspend.
 *
 * The driver's sockets are `SocketChannel`s: a thread interrupted while it reads or writes one closes the
 * channel, the call fails with an `IOException`, and the driver destroys the connection, so a reply that
 * arrives after the cancellation (a `BLPOP`'s, say) can never reach the next borrower. A thread is
 * interrupted only while it runs this coroutine: the coroutine context calls [updateThreadContext] and
 * [restoreThreadContext] around every stretch it runs on a thread, under the same lock as [interrupt], and
 * an interrupt still pending when the coroutine leaves the thread is cleared, so it never reaches other
 * work of a shared pool thread.
 */
internal class CommandInterrupter : ThreadContextElement<Unit> {

  internal companion object Key : CoroutineContext.Key<CommandInterrupter>

  override val key: CoroutineContext.Key<*> get() = Key

  private val lock = Any()

  /** Threads running the coroutine (or a child of it) now, with how deeply each entered. */
  private val running = HashMap<Thread, Int>()

  /** Threads this interrupter interrupted, whose flag it must clear when the coroutine leaves them. */
  private val interrupted = HashSet<Thread>()

  override fun updateThreadContext(context: CoroutineContext) {
    val thread = Thread.currentThread()
    synchronized(lock) { running[thread] = (running[thread] ?: 0) + 1 }
  }

  override fun restoreThreadContext(context: CoroutineContext, oldState: Unit) {
    val thread = Thread.currentThread()
    synchronized(lock) {
      val depth = (running[thread] ?: 1) - 1
      if (depth > 0) {
        running[thread] = depth
        return
      }
      running.remove(thread)
      if (interrupted.remove(thread)) {
        Thread.interrupted() // clears the flag if the interrupt was not consumed by a blocking call
      }
    }
  }

  /** Set once the block is over, so that returning the connection is never interrupted. */
  private var disarmed = false

  /** Interrupts every thread running the coroutine now; those that run it later are left alone. */
  fun interrupt() {
    synchronized(lock) {
      if (disarmed) return
      for (thread in running.keys) {
        interrupted.add(thread)
        thread.interrupt()
      }
    }
  }

  /**
   * Stops interrupting, and clears an interrupt of the calling thread that no blocking call consumed: it
   * came between two commands, so the connection is still in step and may be returned to the pool.
   */
  fun disarm() {
    synchronized(lock) {
      disarmed = true
      if (interrupted.remove(Thread.currentThread())) Thread.interrupted()
    }
  }
}
