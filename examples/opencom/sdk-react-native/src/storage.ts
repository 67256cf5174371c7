import AsyncStorage from '@react-native-async-storage/async-storage';

export async function rememberVisitor(visitor: { id: string; email?: string }) {
  await AsyncStorage.setItem('opencom:visitor', JSON.stringify({ id: visitor.id, email: visitor.email }));
}
