/**
 * Java Flight Recorder events of the driver ({@code dev.respite.*}): commands, pool waits, connections opened
 * and closed, subscriber reconnections. Each is checked with {@code isEnabled()} before anything is measured
 * or allocated, so they cost nothing while no recording asks for them.
 */
@NullMarked
package dev.respite.impl.jfr;

import org.jspecify.annotations.NullMarked;
