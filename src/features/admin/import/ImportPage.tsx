import { View } from '@tarojs/components';
import { ADMIN_TRAIL, AdminGate } from '../AdminGate';
import { FileImport } from './FileImport';
import { PasteImport } from './PasteImport';
import './import.scss';

/** 导入名册: from an .xlsx/.csv file (checked on the server first), or by pasting cells from Excel. */
export function ImportPage() {
  return (
    <AdminGate trail={[...ADMIN_TRAIL, { label: '导入名册' }]}>
      {() => (
        <View className='import'>
          <FileImport />
          <PasteImport />
        </View>
      )}
    </AdminGate>
  );
}
