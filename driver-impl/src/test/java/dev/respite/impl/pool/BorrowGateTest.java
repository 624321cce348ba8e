package dev.respite.impl.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BorrowGateTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void threadThatKeepsReturningAndBorrowingPassesAWaiterFewerTimesThanTheQuota() throws Exception {
    BorrowGate gate = new BorrowGate(1);
    List<String> holders = new CopyOnWriteArrayList<>();
    assertThat(gate.acquire(System.nanoTime() + SECOND)).isTrue();
    Thread waiter = new Thread(() -> {
      try {
        if (gate.acquire(System.nanoTime() + 10 * SECOND)) {
          holders.add("waiter");
          gate.release();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    waiter.start();
    awaitWaiting(gate, 1);
    for (int i = 0; i < BorrowGate.QUOTA + 1; i++) {
      gate.release();
      assertThat(gate.acquire(System.nanoTime() + 10 * SECOND)).isTrue();
      holders.add("hog");
    }
    gate.release();
    waiter.join(10_000);
    assertThat(holders).contains("waiter");
    assertThat(holders.indexOf("waiter")).isLessThan(BorrowGate.QUOTA);
  }

  @Test
  void borrowerGivesUpAtItsDeadline() throws Exception {
    BorrowGate gate = new BorrowGate(1);
    assertThat(gate.acquire(System.nanoTime() + SECOND)).isTrue();
    long start = System.nanoTime();
    assertThat(gate.acquire(start + TimeUnit.MILLISECONDS.toNanos(100))).isFalse();
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(90));
    assertThat(gate.waiting()).isZero();
  }

  private static void awaitWaiting(BorrowGate gate, int waiting) throws InterruptedException {
    long deadline = System.nanoTime() + 5 * SECOND;
    while (gate.waiting() < waiting && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    assertThat(gate.waiting()).isEqualTo(waiting);
  }
}
