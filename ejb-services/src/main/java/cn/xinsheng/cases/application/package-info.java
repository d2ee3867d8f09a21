/**
 * The transaction and security boundary of reduction and parole cases: who may do which step, the
 * eligibility run, the case file and package. Reads other contexts only through their ports
 * (accounts, commendations, the calendar, evidence, sentence ends), never their tables.
 */
package cn.xinsheng.cases.application;
