/**
 * The adapter to the process engine (Camunda 7), and the only package that imports
 * {@code org.camunda.*}, so that moving to Operaton stays a change of this package. It owns the
 * identity service bridge (sign-in, users, groups), the engine's authorizations and Tasklist
 * filters, the engine REST API's authentication, and deploying {@code bpmn/} and {@code forms/}.
 */
package org.qualitybenchmark.workflow;
