package dev.credence.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvCellsTest {
    @Test
    void formulaCellsGetALeadingQuoteAndNumbersStayNumbers() {
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"click\")",
                CsvCells.cell("=HYPERLINK(\"http://evil.example\",\"click\")"));
        assertEquals("'+1", CsvCells.cell("+1"));
        assertEquals("'-2+3", CsvCells.cell("-2+3"));
        assertEquals("'@SUM(A1)", CsvCells.cell("@SUM(A1)"));
        assertEquals("'\tx", CsvCells.cell("\tx"));
        assertEquals("'\rx", CsvCells.cell("\rx"));
        assertEquals("Officials said", CsvCells.cell("Officials said"));
        assertEquals("", CsvCells.cell(""));
        assertEquals(-3, CsvCells.cell(-3));
        assertArrayEquals(new Object[] { 1, "'=1", null }, CsvCells.row(1, "=1", null));
    }
}
