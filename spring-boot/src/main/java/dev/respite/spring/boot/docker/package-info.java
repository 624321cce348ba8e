/** {@code spring-boot-docker-compose} support: a Redis, Valkey or Redis Stack service configures Respite. */
@NullMarked
package dev.respite.spring.boot.docker;

import org.jspecify.annotations.NullMarked;
