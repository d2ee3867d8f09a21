/** The transaction and security boundary of reduction and parole cases: who may do which step. */
package cn.xinsheng.cases.application;
