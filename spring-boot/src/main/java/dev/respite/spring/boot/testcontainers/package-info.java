/** {@code @ServiceConnection} support: a Testcontainers Redis, Valkey or Redis Stack container configures Respite. */
@NullMarked
package dev.respite.spring.boot.testcontainers;

import org.jspecify.annotations.NullMarked;
