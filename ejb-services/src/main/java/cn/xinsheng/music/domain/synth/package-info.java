/**
 * Practice takes made from 简谱 rather than recorded: tones with harmonics, vibrato, noise and tempo
 * drift, written as WAV, for the accuracy tests, the benchmark and demo data (no copyrighted audio
 * anywhere).
 */
package cn.xinsheng.music.domain.synth;
