import { Box, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './FieldRow.module.css';

/** Form fields on one line where the card is wide enough for their labels, stacked where it is not. */
export function FieldRow({ children, mt }: { children: ReactNode; mt?: MantineSpacing }) {
  return (
    <Box className={classes.row} mt={mt}>
      {children}
    </Box>
  );
}
