/**
 * The adapter to the process engine (Camunda 7), and the only package that imports
 * {@code org.camunda.*}, so that moving to Operaton stays a change of this package. It owns the
 * identity service bridge (sign-in, users, groups), the engine's authorizations and Tasklist
 * filters, the engine REST API's authentication, deploying {@code bpmn/} and {@code forms/}, and
 * the beans the models name: thin listeners and delegates that read ids and form input, call one
 * domain service, and hand its outcome back to the process (the {@code *Steps} classes). It starts
 * the campaign and case processes, carries the messages between them ({@link
 * org.qualitybenchmark.workflow.CaseMessages}), keeps the engine's clock with ours, and gives the
 * engine the official working-day calendar for due dates and timers ({@link
 * org.qualitybenchmark.workflow.WorkingDayBusinessCalendars}), and tells the reminder scan which tasks
 * are open, due when and held by whom ({@link org.qualitybenchmark.workflow.EngineOpenTasks}, the
 * {@code notification} package's {@code OpenTasks}).
 */
package org.qualitybenchmark.workflow;
