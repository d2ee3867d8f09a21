/**
 * The eligibility calculator (issue 16): the facts as JSON in, the engine's answer out, nothing
 * written. The same code serves {@code POST /api/v1/eligibility/evaluate} and the offline {@code
 * bin/xinsheng eligibility evaluate FILE.json}, so both answer alike.
 */
package cn.xinsheng.sentence.application;
