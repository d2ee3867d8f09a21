/**
 * Release readiness (DOMAIN §6): today the recidivism risk instrument as versioned data, the score
 * with every factor's contribution, the officer's override rule, and the validation of an
 * instrument on labelled outcomes (AUC, calibration by level, confusion at each cut-off), with a
 * seeded synthetic cohort for the demo. A score is advice, never a decision.
 */
package cn.xinsheng.readiness.domain;
