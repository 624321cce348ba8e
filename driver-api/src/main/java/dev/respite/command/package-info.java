/**
 * Typed Redis commands: one small interface per command family ({@link dev.respite.command.StringCommands},
 * {@link dev.respite.command.HashCommands}, ...), gathered in {@link dev.respite.command.RedisCommands} and
 * typed by a {@link dev.respite.command.RedisCodec}; option objects for optional flags, and the values the
 * replies decode to. {@link dev.respite.RedisSession} is the {@code String} view of these families; the same
 * families serve pipelines and transactions through {@link dev.respite.command.CommandQueue}.
 */
@NullMarked
package dev.respite.command;

import org.jspecify.annotations.NullMarked;
