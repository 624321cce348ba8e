/** A Spring Boot service on Respite: a cached lookup, a counter, health and Prometheus metrics. */
@NullMarked
package dev.respite.examples.boot;

import org.jspecify.annotations.NullMarked;
