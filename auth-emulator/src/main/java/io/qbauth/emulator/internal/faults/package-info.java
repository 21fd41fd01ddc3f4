/**
 * Fault injection state: the rules switched on ({@link io.qbauth.emulator.internal.faults.FaultPlan}), their strike
 * counters, and the adjustable clock behind clock jumps. The HTTP layer consults the plan once per request and acts
 * on the chosen fault.
 */
package io.qbauth.emulator.internal.faults;
