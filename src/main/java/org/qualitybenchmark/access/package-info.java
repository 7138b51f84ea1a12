/**
 * Who is asking: the signed-in user, the roles their identity-service groups give them, and the
 * rule that turns roles and unit groups into what they may see. Users and groups live in the
 * engine's identity service; this package knows them only through {@link
 * org.qualitybenchmark.access.IdentityDirectory}, which the workflow adapter implements.
 */
package org.qualitybenchmark.access;
