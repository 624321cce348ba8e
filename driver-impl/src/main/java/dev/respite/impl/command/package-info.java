/**
 * Respite internals: not API, may change in any release.
 *
 * <p>The one mechanism behind every typed command: a family (such as {@link
 * dev.respite.impl.command.StringFamily}) turns a method call into a {@link dev.respite.impl.command.Command}
 * (keyword, arguments, {@link dev.respite.impl.command.ReplyDecoder}), and hands it to {@link
 * dev.respite.impl.command.CommandContext#run}: a session runs it at once, a pipeline or transaction queues
 * it. The families are interfaces with default methods, mixed into every view, so each command is declared
 * once for every codec and every execution mode.
 */
@NullMarked
package dev.respite.impl.command;

import org.jspecify.annotations.NullMarked;
