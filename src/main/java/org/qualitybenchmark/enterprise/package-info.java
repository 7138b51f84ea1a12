/**
 * Enterprises taking part in campaigns: how they are identified (the 18-character 统一社会信用代码,
 * USCC, of GB 32100-2015) and their statistical size class (大型/中型/小型/微型 under
 * 国统字〔2017〕213号). The enterprise entity itself will live here too.
 */
package org.qualitybenchmark.enterprise;
