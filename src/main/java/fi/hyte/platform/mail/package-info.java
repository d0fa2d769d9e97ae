/**
 * Outgoing e-mail: an outbox written in the same transaction as the change that causes a message,
 * sent over SMTP by a scheduler that is safe with several nodes, in the recipient's language, with a
 * one-click unsubscribe per kind. Modules queue notices and contribute digest content through it.
 */
@org.springframework.modulith.NamedInterface("mail")
package fi.hyte.platform.mail;
