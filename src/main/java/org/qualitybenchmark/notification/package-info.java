/**
 * Notifications: the templates of {@code config/notifications/} (checked at start-up), the outbox
 * (qb_notification_outbox) that {@link org.qualitybenchmark.notification.NotificationService#notify}
 * writes in the transaction of the step that causes a message, the dispatcher that delivers it
 * over two channels, email over SMTP and the in-app inbox (qb_inbox_message, {@code /api/inbox}),
 * the operators' view of the outbox ({@code /api/notifications/outbox}), and the case events that
 * send them ({@code CaseNotifications} up to the formal review, {@code ReviewNotifications} from the
 * experts' assignment to the final result), and the notifications process owners add to a model
 * ({@link org.qualitybenchmark.notification.ModelNotifications}, called by the workflow's
 * {@code notifyDelegate}); the reminders before deadlines and escalations of overdue tasks
 * ({@link org.qualitybenchmark.notification.ReminderScan}, rules in {@code config/notifications/reminders.yaml},
 * {@link org.qualitybenchmark.notification.ReminderRules}), which learn of the engine's open tasks through
 * {@link org.qualitybenchmark.notification.OpenTasks}, implemented in {@code workflow}; and the demo's
 * mailbox ({@link org.qualitybenchmark.notification.DemoMailbox}, {@code /api/demo-mailbox}). Depends on
 * {@code application}, {@code campaign}, {@code calendar}, {@code review}, {@code publication} (its events)
 * and {@code access}; none of them depends on this package.
 *
 * <h2>Loses nothing</h2>
 * A message is an outbox row committed with its cause: if the step commits, the message exists; if it
 * rolls back, so does the message. A failed attempt leaves the row PENDING with a later
 * {@code nextAttemptAt} (exponential backoff, {@code qb.notifications.*}); after
 * {@code maxAttempts} it is FAILED with its last error, listed for the office, who can queue it again.
 * A row left SENDING by a node that died is taken up again after {@code sendingTimeout}.
 *
 * <h2>Repeats nothing</h2>
 * <ul>
 * <li>One event, one message per recipient and channel: the unique key (event, recipient, channel)
 * refuses a second row, and {@code notify} skips a recipient who has one.</li>
 * <li>One sender per row: a dispatcher claims a row by moving it to SENDING with a fresh claim
 * token, in a committed transaction whose update is guarded by the row's version. Of two nodes that
 * read the same due row, the second one's update matches nothing and it leaves the row alone. A
 * sender whose claim was taken over (it was too slow) finds another token on the row and writes
 * nothing. This works the same on H2 and MySQL, unlike {@code SKIP LOCKED}.</li>
 * <li>Inbox: writing the inbox message and marking the row SENT are one transaction, and the inbox
 * row's outbox id is unique: exactly once.</li>
 * <li>Email: a SENT row is never sent again, not even by an operator. After the SMTP server has
 * accepted a message, a failure to mark the row SENT is retried in the same process instead of
 * putting the row back in the queue.</li>
 * </ul>
 *
 * <h2>Reminders and escalations</h2>
 * A scan (every {@code qb.reminders.scan-interval}, and whenever the demo clock moves) derives from the
 * present moment which reminders and escalations should exist by now and queues the missing ones,
 * each event in its own transaction under a key naming rule, subject (case, unit, task or due day),
 * deadline and occurrence, the recipient being the rest of the outbox's unique key. A scan repeated,
 * run on two nodes, or cut off midway by a crash queues nothing twice; a scan that did not run is made
 * up by the next. The scan reads only running campaigns (whose campaign process is still active), the
 * cases of those campaigns by their indexed columns, and the engine's open tasks.
 *
 * <h2>The window that remains, and what covers it</h2>
 * SMTP has no way to ask a server whether it already accepted a message, so email delivery is
 * at-least-once in exactly one case: the node dies (or loses the database for longer than its retries)
 * after the server accepted the message and before SENT is committed, a window of one database
 * round trip. The row then stays SENDING; once {@code sendingTimeout} has passed (longer than any SMTP
 * call may last, by the mail timeouts, so no live sender still holds it) it is sent again. Every
 * attempt carries the same Message-ID, derived from the row id ({@code <qb-notification-ID@domain>}),
 * so receiving servers and mail clients that drop repeated Message-IDs show it once; one that does
 * not shows it twice. We chose this (at-least-once) over at-most-once because the first
 * demand is that nothing is lost, and a lost correction deadline costs an applicant more than a
 * repeated mail. The row's error says when a resend followed an interrupted attempt.
 */
package org.qualitybenchmark.notification;
