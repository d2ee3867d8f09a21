/**
 * Where learning's records live: the repositories of {@code lms.domain} in native SQL through the
 * caller's transaction (one {@code ...Store} each, with the package-private {@code NativeSql}
 * helper and the teacher's-reach condition), the audit bindings of grades and credits, and the
 * learning certificate. Lists of learners still join organisation's {@code inmate} for names
 * (listed in {@code TableOwnershipTest}).
 */
package cn.xinsheng.lms.infrastructure;
