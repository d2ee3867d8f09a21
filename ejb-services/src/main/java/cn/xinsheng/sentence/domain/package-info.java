/**
 * The sentence context: what a court imposed and every dated change to it, and the law that says
 * when a reduction (减刑) or parole (假释) may be proposed, how much a reduction may take, and who may
 * never be paroled. Plain Java without a container, so that the calculator answers the same online
 * and offline (issue 16; rule table {@code 2016-23/v2}, DOMAIN §3).
 */
package cn.xinsheng.sentence.domain;
