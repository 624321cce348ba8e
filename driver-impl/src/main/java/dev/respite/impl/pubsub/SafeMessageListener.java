package dev.respite.impl.pubsub;

import dev.respite.pubsub.Message;
import dev.respite.pubsub.MessageListener;
import dev.respite.pubsub.SubscriberState;
import java.lang.System.Logger.Level;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An application's listener, called so that whatever it throws is logged and ignored: a bug in one
 * callback must not kill the reader thread and with it every later message.
 */
final class SafeMessageListener implements MessageListener {
  private static final System.Logger LOG = System.getLogger(SafeMessageListener.class.getName());

  private final MessageListener delegate;
  private final String subscriberName;

  SafeMessageListener(MessageListener delegate, String subscriberName) {
    this.delegate = Objects.requireNonNull(delegate, "listener");
    this.subscriberName = subscriberName;
  }

  @Override
  public void onMessage(Message message) {
    try {
      delegate.onMessage(message);
    } catch (Throwable t) {
      LOG.log(Level.WARNING, "The listener of " + subscriberName + " threw on " + message + "; ignored", t);
    }
  }

  @Override
  public void onStateChange(SubscriberState state, @Nullable Throwable cause) {
    try {
      delegate.onStateChange(state, cause);
    } catch (Throwable t) {
      LOG.log(Level.WARNING, "The listener of " + subscriberName + " threw on state " + state + "; ignored", t);
    }
  }
}
