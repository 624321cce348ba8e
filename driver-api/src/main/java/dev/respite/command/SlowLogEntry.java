package dev.respite.command;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One entry of {@code SLOWLOG GET}.
 *
 * @param id the entry's sequence number
 * @param startedAt when the command started
 * @param duration how long it ran (its execution alone, not I/O)
 * @param arguments the command and its arguments as text (the server shortens long ones)
 * @param clientAddress the client's {@code ip:port}
 * @param clientName the client's name, empty if unnamed
 */
public record SlowLogEntry(long id, Instant startedAt, Duration duration, List<String> arguments,
    String clientAddress, String clientName) {}
