/** The points-ledger screens: a section's month, an inmate's ledger, bulk entry, objections. */
package cn.xinsheng.web.ledger;
