/** Sentence reduction and parole (减刑/假释): eligibility rules and the case's steps, as plain Java. */
package cn.xinsheng.cases.domain;
