explain SCH-1
