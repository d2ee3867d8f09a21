/**
 * The ledger's services, the transaction and security boundary: recording, review, month close,
 * cycles, objections, the catalogue, and the read models of the screens.
 */
package cn.xinsheng.ledger.application;
